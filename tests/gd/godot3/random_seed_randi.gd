extends SceneTree

func _init():
	seed(12345)
	var first = []
	for i in 8:
		first.append(randi())
	print(first)
	seed(12345)
	var again = []
	for i in 8:
		again.append(randi())
	print(first == again)
	seed(0)
	print(randi(), " ", randi() % 100, " ", randi() % 6 + 1)
	seed(-1)
	print(randi())
	quit()
