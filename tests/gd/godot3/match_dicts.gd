extends SceneTree

func describe(d):
	match d:
		{}:
			return "empty dict"
		{"type": "circle", "r": var r}:
			return "circle r=" + str(r)
		{"type": "rect", ..}:
			return "some rect"
		{"name": var n}:
			return "named " + str(n)
		{"a": 1, "b": 2}:
			return "a1 b2"
		_:
			return "unknown"

func _init():
	var samples = [{}, {"type": "circle", "r": 3}, {"type": "circle", "r": 3, "x": 1},
		{"type": "rect", "w": 1}, {"name": "bob"}, {"a": 1, "b": 2}, {"a": 1}, [1]]
	for d in samples:
		print(d, " -> ", describe(d))
	quit()
