#!/usr/bin/env bash
# Validates manifest.xml offline against the Office Add-in XSDs in ../shared/schemas/office-manifest
# (office-addin-manifest validate needs the network). Exit 0 = valid, or SKIP when xmllint is absent.
# Usage: bash scripts/validate-manifest.sh [manifest.xml]   (MANIFEST_SCHEMA_DIR overrides the XSD folder)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
manifest="${1:-$repo_root/manifest.xml}"
schema_dir="${MANIFEST_SCHEMA_DIR:-$repo_root/../shared/schemas/office-manifest}"
schema_dir="$(cd "$schema_dir" 2>/dev/null && pwd || echo "$schema_dir")"
schema="$schema_dir/OfficeAppManifestV1_1.xsd"

if ! command -v xmllint >/dev/null 2>&1; then
  echo "SKIP: xmllint not found, manifest not validated (install it: apt-get install -y libxml2-utils)"
  exit 0
fi
if [[ ! -f "$manifest" ]]; then
  echo "FAIL: manifest not found: $manifest" >&2
  exit 2
fi
if [[ ! -f "$schema" ]]; then
  echo "FAIL: schema not found: $schema (set MANIFEST_SCHEMA_DIR to the folder holding OfficeAppManifestV1_1.xsd)" >&2
  exit 2
fi

if xmllint --noout --nonet --schema "$schema" "$manifest"; then
  echo "OK: $manifest is valid against OfficeAppManifestV1_1.xsd"
else
  status=$?
  echo "FAIL: $manifest does not validate against $schema (xmllint exit $status; see the errors above)" >&2
  exit "$status"
fi
