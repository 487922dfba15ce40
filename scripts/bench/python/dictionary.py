"""Build a 200,000-entry dict, then iterate it: the twin of dictionary.gd."""


def main():
    d = {}
    for i in range(200000):
        d[i * 7] = i
    total = 0
    for k in d:
        total += k + d[k]
    hits = 0
    for i in range(0, 1400000, 5):
        if i in d:
            hits += 1
    print("checksum:", len(d), total, hits)


main()
