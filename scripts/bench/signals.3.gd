extends SceneTree
# Signal emission: one signal, 3 receivers, 200,000 emissions.

signal ticked(n)


class Receiver:
	var total = 0
	var factor = 1

	func _init(f):
		factor = f

	func on_ticked(n):
		total += n * factor


func _init():
	var receivers = [Receiver.new(1), Receiver.new(2), Receiver.new(3)]
	for receiver in receivers:
		connect("ticked", receiver, "on_ticked")
	for i in range(200000):
		emit_signal("ticked", i)
	print("checksum: ", receivers[0].total, " ", receivers[1].total, " ", receivers[2].total)
	quit()
