extends SceneTree

const LIMIT = 10

func check(v):
	match v:
		LIMIT:
			return "limit constant"
		var other:
			if typeof(other) == TYPE_INT and other > LIMIT:
				return "above limit: " + str(other)
			return "bound: " + str(other)

func nested(v):
	match v:
		[var x, [var y, var z]]:
			return x + y + z
		{"k": [var first, ..]}:
			return first
	return "no match"

func _init():
	for v in [10, 11, 3, "s"]:
		print(check(v))
	print(nested([1, [2, 3]]), " ", nested({"k": [9, 8]}), " ", nested(5))
	quit()
