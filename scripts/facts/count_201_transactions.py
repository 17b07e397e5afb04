#!/usr/bin/env python3
"""Counts the OCPP 2.0.1 transactions of a log by reading its TransactionEvent CALLs directly (no
chargelog code): per transactionId the EVSE and connector, idTokens, event types and triggerReasons,
the first and last phase-less Energy.Active.Import.Register reading (Wh, unit and multiplier applied),
stoppedReason, offline events, charging states and seqNo gaps. The expected values of
OCPP201TransactionTests come from its output on ../shared/real-logs/client_ocpp_sim_201.log.
Usage: python3 scripts/facts/count_201_transactions.py [LOG]"""
import json,re,sys,collections
path=sys.argv[1] if len(sys.argv)>1 else '../shared/real-logs/client_ocpp_sim_201.log'
txs=collections.OrderedDict()
for n,line in enumerate(open(path,encoding='utf-8',errors='replace'),1):
    m=re.search(r'(send|receive message) (\[.*\])\s*$',line)
    if not m: continue
    try: f=json.loads(m.group(2))
    except Exception as e: print('bad',n,e); continue
    if f[0]!=2 or f[2]!='TransactionEvent': continue
    p=f[3]; ti=p['transactionInfo']; tid=ti['transactionId']
    t=txs.setdefault(tid,dict(events=[],evse=set(),conn=set(),tokens=set(),energy=[],lines=[],offline=0,states=[],stopped=None,seq=[]))
    t['events'].append((p['eventType'],p['triggerReason'],p['seqNo']))
    t['seq'].append(p['seqNo'])
    t['lines'].append(n)
    if 'evse' in p: t['evse'].add(p['evse']['id']); t['conn'].add(p['evse'].get('connectorId'))
    if 'idToken' in p: t['tokens'].add((p['idToken']['idToken'],p['idToken']['type']))
    if p.get('offline'): t['offline']+=1
    if 'chargingState' in ti: t['states'].append(ti['chargingState'])
    if 'stoppedReason' in ti: t['stopped']=ti['stoppedReason']
    for mv in p.get('meterValue',[]):
        for sv in mv['sampledValue']:
            if sv.get('measurand','Energy.Active.Import.Register')=='Energy.Active.Import.Register' and 'phase' not in sv:
                u=sv.get('unitOfMeasure',{}); mult=u.get('multiplier',0); unit=u.get('unit','Wh')
                v=sv['value']*(10**mult)*(1000 if unit=='kWh' else 1)
                t['energy'].append(v)
for tid,t in txs.items():
    ev=t['events']
    types=collections.Counter(e[0] for e in ev)
    trig=collections.Counter(e[1] for e in ev)
    seq=t['seq']; gaps=[(a,b) for a,b in zip(seq,seq[1:]) if b!=a+1]
    print(tid, 'evse',t['evse'],'conn',t['conn'],'tok',t['tokens'],'n',len(ev),dict(types),dict(trig),
          'E first/last', (t['energy'][0],t['energy'][-1]) if t['energy'] else None,'nE',len(t['energy']),
          'stopped',t['stopped'],'offline',t['offline'],'states',t['states'][:5],'gaps',gaps,'lines',t['lines'][0],t['lines'][-1], 'firstEv',ev[0],'lastEv',ev[-1])
