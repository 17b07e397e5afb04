#!/usr/bin/env bash
# Regenerates Sources/ChargeLogUI/Theme/BuiltinThemes.swift from Themes/*.json (run after editing a theme).
set -euo pipefail
cd "$(dirname "$0")/.."
names=(dark light high-contrast monochrome)
out=Sources/ChargeLogUI/Theme/BuiltinThemes.swift
{
  echo '/// The built-in themes: exact copies of `Themes/*.json` (a test checks they stay identical),'
  echo '/// so the binary needs no resource files. Regenerate with `scripts/gen-builtin-themes.sh`.'
  echo 'enum BuiltinThemes {'
  printf '    static let names = ['; sep=""; for n in "${names[@]}"; do printf '%s"%s"' "$sep" "$n"; sep=", "; done; echo ']'
  echo
  echo '    static let json: [String: String] = ['
  for n in "${names[@]}"; do
    echo "        \"$n\": #\"\"\""
    cat "Themes/$n.json"
    echo '"""#,'
  done
  echo '    ]'
  echo '}'
} > "$out"
