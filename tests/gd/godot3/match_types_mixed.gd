extends SceneTree

func kind(v):
	match typeof(v):
		TYPE_NIL:
			return "nil"
		TYPE_INT, TYPE_REAL:
			return "number"
		TYPE_STRING:
			match v:
				"":
					return "empty string"
				_:
					return "string"
		TYPE_ARRAY:
			match v.size():
				0:
					return "empty array"
				var n:
					return "array of %d" % n
		_:
			return "other type %d" % typeof(v)

func _init():
	for v in [null, 1, 2.5, "", "s", [], [1, 2], {}, Vector2()]:
		print(kind(v))
	quit()
