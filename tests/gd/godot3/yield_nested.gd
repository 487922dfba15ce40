extends SceneTree

signal go

func inner():
	print("inner before")
	yield(self, "go")
	print("inner after")
	return 5

func outer():
	print("outer before")
	var r = yield(inner(), "completed")
	print("outer got ", r)
	return r + 1

func _init():
	var s = outer()
	print("outer suspended: ", s is GDScriptFunctionState)
	s.connect("completed", self, "show")
	emit_signal("go")
	print("end of _init")
	quit()

func show(v):
	print("outer completed with ", v)
