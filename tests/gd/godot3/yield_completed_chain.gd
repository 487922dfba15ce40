extends SceneTree

func produce(n):
	yield(self, "idle_frame")
	return n * 2

func consume():
	var total = 0
	for i in 3:
		var v = yield(produce(i), "completed")
		print("got ", v)
		total += v
	return total

func _init():
	run()

func run():
	var result = yield(consume(), "completed")
	print("total ", result)
	quit()
