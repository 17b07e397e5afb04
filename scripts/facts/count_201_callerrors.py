#!/usr/bin/env python3
"""Tallies the CALLERRORs of an OCPP-J log by the action of the call they answer (pairing by id, no
chargelog code), prints the RequestStartTransaction answers and the calls never answered. Expected
values of OCPP201SchemaTests come from its output on ../shared/real-logs/client_ocpp_sim_201.log.
Usage: python3 scripts/facts/count_201_callerrors.py [LOG]"""
import sys
import json,re,collections
path=sys.argv[1] if len(sys.argv)>1 else '../shared/real-logs/client_ocpp_sim_201.log'
calls={}; c=collections.Counter(); unans=set(); answers=collections.Counter()
for n,line in enumerate(open(path),1):
    m=re.search(r'(send|receive message) (\[.*\])\s*$',line)
    if not m: continue
    f=json.loads(m.group(2)); d='out' if m.group(1)=='send' else 'in'
    if f[0]==2: calls[f[1]]=(f[2],d,n); unans.add(f[1])
    else:
        k=calls.get(f[1]); unans.discard(f[1])
        if f[0]==4: c[(k[0] if k else None, f[2], f[3])]+=1
        else: answers[(k[0] if k else None)]+=1
        if k and k[0]=='RequestStartTransaction': print('RST answer',n,f)
for k,v in c.items(): print(v,k)
print('unanswered',[(calls[u]) for u in unans if calls[u][0]!='x'][:50])
print(answers)
