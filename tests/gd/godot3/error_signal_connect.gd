extends SceneTree

signal only_signal

func handler():
	print("handler")

func try_connect_twice():
	print(connect("only_signal", self, "handler"))
	print(connect("only_signal", self, "handler"))

func _init():
	try_connect_twice()
	print(connect("missing_signal", self, "handler"))
	emit_signal("only_signal")
	print("end")
	quit()
