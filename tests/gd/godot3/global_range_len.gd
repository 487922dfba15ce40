extends SceneTree

func _init():
	print(range(5))
	print(range(2, 5))
	print(range(0, 10, 3))
	print(range(5, 0, -2))
	print(range(0))
	print(range(-3))
	print(range(3, 1))
	print(len("hello"), " ", len([1, 2]), " ", len({"a": 1}), " ", len(PoolIntArray([1, 2, 3])))
	var total = 0
	for i in range(1, 11):
		total += i
	print(total)
	for i in 3:
		printraw(i)
	print()
	for i in range(10, 0, -3):
		printraw(i, ",")
	print()
	quit()
