"""Runs a command in a pseudo-terminal and answers it like a user at the keyboard.

Usage: pty-driver.py '<steps json>' command args...
Each step is [pattern, keys]: wait until the output (since the previous match) matches the
regular expression, then type the keys. Prints {"code": exit code, "output": all output} as JSON.
"""
import json
import os
import pty
import re
import select
import sys
import time

steps = json.loads(sys.argv[1])
argv = sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)

output = b""
position = 0


def read(timeout):
    global output
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return True
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        return False
    if not chunk:
        return False
    output += chunk
    return True


for pattern, keys in steps:
    deadline = time.time() + 60
    while True:
        match = re.search(pattern.encode(), output[position:])
        if match:
            position += match.end()
            break
        if time.time() > deadline or not read(0.1):
            print(json.dumps({"code": -1, "output": output.decode("utf8", "replace"), "waitingFor": pattern}))
            sys.exit(0)
    time.sleep(0.05)
    os.write(fd, keys.encode())

while read(1):
    pass
_, status = os.waitpid(pid, 0)
print(json.dumps({"code": os.waitstatus_to_exitcode(status), "output": output.decode("utf8", "replace")}))
