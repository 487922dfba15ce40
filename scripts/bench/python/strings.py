"""String building and formatting: the twin of strings.gd."""


def main():
    s = ""
    for i in range(100000):
        s += "item %d=%s|" % (i, str(i * 3))
    total = 0
    for i in range(100000):
        line = "%05d-%x-%s" % (i, i, "abc")
        total += len(line)
        if line.startswith("0001"):
            total += 1
    upper = s[:5000].upper()
    replaced = s[:5000].replace("item", "it")
    print("checksum:", len(s), total, len(upper), len(replaced), s.find("item 99999="))


main()
