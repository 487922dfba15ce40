"""A 3,000,000-iteration loop with % and branches: the twin of loop.gd."""


def main():
    total = 0
    odd = 0
    for i in range(3000000):
        r = i % 7
        if r == 0:
            total += i
        elif r < 3:
            total -= r
        else:
            total += 1
        if i % 2 == 1:
            odd += 1
    print("checksum:", total, odd)


main()
