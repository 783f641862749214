"""A tiny OpenAI-compatible upstream for tests: no real model can be reached from the test machine.

Answers POST /v1/chat/completions with a fixed reply naming the model it was asked for, and
GET /v1/models. Every chat completion it answered is listed by GET /_received (oldest first: path,
model, messages, authorization), so a test can tell which of several such servers a call reached.
Usage: python3 fake_openai.py PORT
"""

import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RECEIVED = []  # the last 1000 chat completions answered
LOCK = threading.Lock()


class FakeOpenAI(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path.rstrip("/") in ("/v1/models", "/models"):
            self._send(200, {"object": "list", "data": []})
        elif self.path == "/health":
            self._send(200, {"status": "ok"})
        elif self.path == "/_received":
            with LOCK:
                self._send(200, list(RECEIVED))
        else:
            self._send(404, {"error": {"message": "not found"}})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._send(404, {"error": {"message": "not found"}})
            return
        model = body.get("model", "unknown")
        with LOCK:
            RECEIVED.append(
                {
                    "path": self.path,
                    "model": model,
                    "messages": body.get("messages"),
                    "authorization": self.headers.get("Authorization"),
                }
            )
            del RECEIVED[:-1000]
        self._send(
            200,
            {
                "id": "chatcmpl-fake",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": model,
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": f"hello from {model}"},
                        "finish_reason": "stop",
                    }
                ],
                "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18},
            },
        )

    def _send(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), FakeOpenAI).serve_forever()
