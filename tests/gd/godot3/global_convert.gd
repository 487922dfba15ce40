extends SceneTree

func _init():
	print(convert("12", TYPE_INT), " ", convert(3.9, TYPE_INT), " ", convert(5, TYPE_STRING), " ", convert(1, TYPE_BOOL))
	print(convert([1, 2], TYPE_INT_ARRAY), " ", convert(PoolIntArray([1]), TYPE_ARRAY), " ", convert("1.5", TYPE_REAL))
	print(str(1, 2, "x"), " ", str(null), " ", str([null]))
	print(bool(1), " ", int("7") + 1, " ", float(2), " ", String(3.0))
	print(Vector2(1, 2) + Vector2(0.5, 0.5), " ", Color(1, 0, 0) * 0.5)
	print(var2bytes(1).size(), " ", bytes2var(var2bytes([1, "a"])))
	print(str2var("Vector2( 3, 4 )").length())
	quit()
