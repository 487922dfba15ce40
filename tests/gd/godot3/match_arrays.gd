extends SceneTree

func shape(v):
	match v:
		[]:
			return "empty"
		[1]:
			return "just one"
		[1, 2]:
			return "one two"
		[1, ..]:
			return "starts with one"
		[var a, var b]:
			return "pair %s %s" % [a, b]
		[_, _, _]:
			return "triple"
		[var head, ..]:
			return "head " + str(head)
		_:
			return "not an array"

func _init():
	for v in [[], [1], [1, 2], [1, 5, 6], [7, 8], [7, 8, 9], [0, 0, 0, 0], "x", [[1], 2]]:
		print(v, " -> ", shape(v))
	quit()
