#!/usr/bin/env python3
"""A SNAP provider calling a merchant, written without camel-b2b-token: Python's own hmac and
hashlib, and openssl for SHA256withRSA. It asks the merchant's token endpoint for a token
(symmetric) and sends one notification, signed over exactly the bytes it sends.

  snap_provider.py --base http://127.0.0.1:8081/doku --client-id ID --key provider-private.pem \
                   --path /v1.0/transfer-va/payment --body-file notification.json \
                   (--secret CLIENT_SECRET | --asymmetric) [--external-id N]

Prints token=<responseCode> (symmetric), notification=<responseCode>, and the answer's body;
exits 0 when the notification was answered 2xx, 1 otherwise.
"""
import argparse
import base64
import datetime
import hashlib
import hmac
import json
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


def rsa_sign(key_file, text):
    signed = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key_file], input=text.encode("utf-8"),
                            capture_output=True, check=True).stdout
    return base64.b64encode(signed).decode("ascii")


def post(url, body, headers):
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers=dict(headers, **{"Content-Type": "application/json"}))
    try:
        with urllib.request.urlopen(request, timeout=20) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def now():
    return datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7))).isoformat(timespec="seconds")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", required=True)
    p.add_argument("--client-id", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--path", required=True)
    p.add_argument("--body-file", required=True)
    p.add_argument("--secret")
    p.add_argument("--asymmetric", action="store_true")
    p.add_argument("--token-path", default="/v1.0/access-token/b2b")
    p.add_argument("--external-id", default=str(int(time.time() * 1000)))
    a = p.parse_args()
    with open(a.body_file, encoding="utf-8") as f:
        # minified, white space inside strings kept, non-ASCII as UTF-8
        body = json.dumps(json.loads(f.read()), separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    path = urllib.parse.urlparse(a.base + a.path).path
    body_hash = hashlib.sha256(body).hexdigest()
    headers = {"X-PARTNER-ID": a.client_id, "X-EXTERNAL-ID": a.external_id, "CHANNEL-ID": "VA004"}
    if a.asymmetric:
        ts = now()
        headers["X-TIMESTAMP"] = ts
        headers["X-SIGNATURE"] = rsa_sign(a.key, "POST:" + path + ":" + body_hash + ":" + ts)
    else:
        ts = now()
        status, text = post(a.base + a.token_path, b'{"grantType":"client_credentials","additionalInfo":{}}',
                            {"X-CLIENT-KEY": a.client_id, "X-TIMESTAMP": ts,
                             "X-SIGNATURE": rsa_sign(a.key, a.client_id + "|" + ts)})
        answer = json.loads(text)
        print("token=" + answer.get("responseCode", str(status)))
        if "accessToken" not in answer:
            return 1
        token = answer["accessToken"]
        ts = now()
        mac = hmac.new(a.secret.encode("utf-8"), ("POST:" + path + ":" + token + ":" + body_hash + ":" + ts)
                       .encode("utf-8"), hashlib.sha512).digest()
        headers["Authorization"] = "Bearer " + token
        headers["X-TIMESTAMP"] = ts
        headers["X-SIGNATURE"] = base64.b64encode(mac).decode("ascii")
    status, text = post(a.base + a.path, body, headers)
    print("notification=" + json.loads(text).get("responseCode", str(status)))
    print("answer=" + text)
    return 0 if 200 <= status < 300 else 1


if __name__ == "__main__":
    sys.exit(main())
