extends SceneTree

func cmp(a, b):
	return [a < b, a <= b, a == b, a != b, a > b, a >= b]

func _init():
	print(cmp(1, 2))
	print(cmp(2, 2.0))
	print(cmp("a", "b"))
	print(cmp("abc", "abd"))
	print(cmp("Z", "a"))
	print([1, 2] == [1, 2], " ", [1, 2] != [2, 1])
	print(cmp(Vector2(1, 2), Vector2(1, 3)))
	print(true == false, " ", true != false, " ", true == true)
	print(null == null, " ", [] == [], " ", {} == {})
	quit()
