#!/bin/sh
# Verifies a OneVisit webhook delivery (Standard Webhooks 1.0, SM2 signature) with OpenSSL 3.
#
#   verify-webhook.sh KEY_SPKI_BASE64 WEBHOOK_ID WEBHOOK_TIMESTAMP WEBHOOK_SIGNATURE BODY_FILE
#
# KEY_SPKI_BASE64: "subjectPublicKeyInfo" of the key named by the webhook-key-id header, from
# GET /api/v1/keys/webhooks. BODY_FILE: the request body exactly as received (bytes).
# Exit status 0 when the signature holds. Check the timestamp against your clock and the
# webhook-id against the ids you have already processed yourself.
set -eu
spki="$1"; id="$2"; timestamp="$3"; signature="$4"; body="$5"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{ echo "-----BEGIN PUBLIC KEY-----"; echo "$spki" | fold -w 64; echo "-----END PUBLIC KEY-----"; } > "$work/key.pem"
# the header may list several signatures separated by spaces; ours are tagged sm2v1
for candidate in $signature; do
	case "$candidate" in
	sm2v1,*)
		echo "${candidate#sm2v1,}" | base64 -d > "$work/signature.der"
		{ printf '%s.%s.' "$id" "$timestamp"; cat "$body"; } > "$work/content"
		# SM2 with SM3 and the default signer id of GM/T 0009
		if openssl pkeyutl -verify -pubin -inkey "$work/key.pem" -rawin -in "$work/content" \
			-sigfile "$work/signature.der" -digest sm3 -pkeyopt distid:1234567812345678 > /dev/null; then
			exit 0
		fi
		;;
	esac
done
echo "webhook signature does not verify" >&2
exit 1
