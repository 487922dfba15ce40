extends SceneTree

func _init():
	print(char(65), char(97), char(48), " ", char(233), " ", char(9731))
	print(ord("A"), " ", ord("a"), " ", ord("é"), " ", ord("☃"))
	print(hash("abc"), " ", hash("abc") == "abc".hash(), " ", hash(""), " ", hash("Godot"))
	print(hash(1), " ", hash(1.5), " ", hash(true), " ", hash(null))
	print(hash([1, 2]), " ", hash({"a": 1}), " ", hash(Vector2(1, 2)))
	quit()
