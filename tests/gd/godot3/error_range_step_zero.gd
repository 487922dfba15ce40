extends SceneTree

func make_range(args):
	return callv("range_wrapper", args)

func range_wrapper(a, b = null, c = null):
	if c != null:
		return range(a, b, c)
	if b != null:
		return range(a, b)
	return range(a)

func _init():
	print(make_range([3]))
	print(make_range([1, 4]))
	print(make_range([0, 10, 4]))
	print(make_range([10, 0, -4]))
	print(range(2.7))
	print(range(1.5, 4.9))
	print(make_range([0, 5, 0]))
	print("end")
	quit()
