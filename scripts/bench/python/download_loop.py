"""5,000 chunks of 4 KiB appended to a byte buffer: the twin of download_loop.*.gd.

Python's natural append is ``rb += chunk`` (in place), which is what a Python
programmer writes; the GDScript programs use the documented ``rb = rb + chunk``.
"""


def main():
    chunk = bytearray(4096)
    for i in range(4096):
        chunk[i] = i % 251
    rb = bytearray()
    for _ in range(5000):
        rb += chunk
    print("checksum:", len(rb), rb[0], rb[4095], rb[len(rb) - 1])


main()
