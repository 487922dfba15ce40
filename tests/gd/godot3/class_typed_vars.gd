extends SceneTree

var typed_int: int = 2.5
var inferred := 3
var typed_float: float = 1
var typed_string: String = "s"

func takes_int(x: int) -> int:
	return x * 2

func returns_float() -> float:
	var seven = 7
	return seven

func _init():
	print(typed_int, " ", typeof(typed_int))
	print(inferred, " ", typeof(inferred))
	print(typed_float, " ", typeof(typed_float))
	var local: int = 9.9
	print(local)
	local = 4.7
	print(local)
	print(takes_int(3))
	print(returns_float(), " ", typeof(returns_float()))
	var arr: Array = [1]
	var dict: Dictionary = {}
	var vec: Vector2 = Vector2(1, 2)
	print(arr, dict, vec)
	var f: float = 3
	f /= 2
	print(f)
	quit()
