extends SceneTree

func _init():
	seed(42)
	for i in 6:
		printraw(randf(), " ")
	print()
	seed(42)
	for i in 6:
		printraw(rand_range(-10, 10), " ")
	print()
	seed(7)
	var a = [1, 2, 3, 4, 5, 6]
	a.shuffle()
	print(a)
	print(rand_seed(99))
	quit()
