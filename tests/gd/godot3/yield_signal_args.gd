extends SceneTree

signal one_value(v)
signal two_values(a, b)
signal no_value

func waiter():
	var single = yield(self, "one_value")
	print("single: ", single)
	var pair = yield(self, "two_values")
	print("pair: ", pair)
	var nothing = yield(self, "no_value")
	print("nothing: ", nothing)
	return "waiter done"

func _init():
	var s = waiter()
	emit_signal("one_value", 1)
	emit_signal("two_values", "a", "b")
	emit_signal("no_value")
	print(s is GDScriptFunctionState)
	quit()
