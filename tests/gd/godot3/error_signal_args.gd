extends SceneTree

signal needs_two(a, b)

func handler(a, b):
	print("handler ", a, " ", b)

func _init():
	connect("needs_two", self, "handler")
	emit_signal("needs_two", 1, 2)
	emit_signal("needs_two", 1)
	emit_signal("needs_two", 1, 2, 3)
	print("after emits")
	emit_signal("never_declared")
	print("end")
	quit()
