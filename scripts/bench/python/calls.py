"""Method calls on objects of two small classes: the twin of calls.gd."""


class Counter:
    def __init__(self):
        self.value = 0

    def add(self, n):
        self.value += n
        return self.value


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, other):
        return self.x * other.x + self.y * other.y


def twice(n):
    return n * 2


def main():
    counter = Counter()
    p = Point(3, 4)
    q = Point(5, 6)
    acc = 0
    for i in range(300000):
        counter.add(i % 8)
        acc += p.dot(q) + twice(i % 4)
    print("checksum:", counter.value, acc)


main()
