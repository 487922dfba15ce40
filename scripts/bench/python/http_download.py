"""A large HTTP download from the runner's loopback server, read in 64 KiB
chunks into one buffer: the twin of http_download.*.gd.  Arguments: PORT SIZE."""

import http.client
import sys
import time


def main():
    port = int(sys.argv[-2])
    size = int(sys.argv[-1])
    start = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", "/bytes/%d" % size, headers={"Accept": "*/*"})
    response = conn.getresponse()
    rb = bytearray()
    while True:
        chunk = response.read(65536)
        if not chunk:
            break
        rb += chunk
    elapsed = int((time.monotonic() - start) * 1000)
    print("checksum:", response.status, len(rb), rb[0], rb[len(rb) - 1])
    print("elapsed_ms:", elapsed)


main()
