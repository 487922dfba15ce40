extends SceneTree

func classify(v):
	match v:
		0:
			return "zero"
		1, 2, 3:
			return "small"
		"hello":
			return "greeting"
		true:
			return "true"
		null:
			return "null"
		4.5:
			return "four and a half"
		_:
			return "other " + str(v)

func _init():
	for v in [0, 1, 3, 4, "hello", "bye", true, false, null, 4.5, 1.0, [1]]:
		print(v, " -> ", classify(v))
	quit()
