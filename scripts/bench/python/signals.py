"""One signal, 3 receivers, 200,000 emissions: the twin of signals.*.gd."""


class Signal:
    def __init__(self):
        self.callbacks = []

    def connect(self, callback):
        self.callbacks.append(callback)

    def emit(self, *args):
        for callback in self.callbacks:
            callback(*args)


class Receiver:
    def __init__(self, factor):
        self.total = 0
        self.factor = factor

    def on_ticked(self, n):
        self.total += n * self.factor


def main():
    ticked = Signal()
    receivers = [Receiver(1), Receiver(2), Receiver(3)]
    for receiver in receivers:
        ticked.connect(receiver.on_ticked)
    for i in range(200000):
        ticked.emit(i)
    print("checksum:", receivers[0].total, receivers[1].total, receivers[2].total)


main()
