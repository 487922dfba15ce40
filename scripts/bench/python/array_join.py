"""List append + sort, then str() of each and a join: the twin of array.*.gd."""


def main():
    a = []
    x = 12345
    for i in range(200000):
        x = (x * 1103515245 + 12345) % 2147483648
        a.append(x % 1000000)
    a.sort()
    p = []
    for v in a:
        p.append(str(v))
    joined = ",".join(p)
    print("checksum:", len(a), a[0], a[100000], a[len(a) - 1], len(joined))


main()
