"""Runs main.py with the HTTP transport of the openai package replaced, so nothing reaches the
network: each request is appended to $CAPTURE_REQUESTS_TO as one JSON line and answered with a
chat completion whose content is "pong"."""
import json
import os
import runpy
import sys

CAPTURE_FILE = os.environ["CAPTURE_REQUESTS_TO"]


def answer(request, response_class):
    request.read()
    body = json.loads(request.content) if request.content else None
    record = {
        "method": request.method,
        "url": str(request.url),
        "authorization": request.headers.get("authorization"),
        "apiKey": request.headers.get("api-key"),
        "body": body,
    }
    with open(CAPTURE_FILE, "a", encoding="utf-8") as capture:
        capture.write(json.dumps(record) + "\n")
    completion = {
        "id": "chatcmpl-capture",
        "object": "chat.completion",
        "created": 0,
        "model": (body or {}).get("model", ""),
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "pong"}, "finish_reason": "stop"}],
    }
    return response_class(200, json=completion)


def patch(http):
    """Replaces the sync and async transports of an httpx-style module (httpx2 since openai 3, httpx before)."""

    def handle_request(self, request):
        return answer(request, http.Response)

    async def handle_async_request(self, request):
        return answer(request, http.Response)

    http.HTTPTransport.handle_request = handle_request
    http.AsyncHTTPTransport.handle_async_request = handle_async_request


for name in ("httpx2", "httpx"):
    try:
        patch(__import__(name))
    except ImportError:
        pass

sys.path.insert(0, os.getcwd())
runpy.run_path("main.py", run_name="__main__")
