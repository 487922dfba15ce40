extends SceneTree

class Thing:
	func real():
		return "real"

func call_missing(obj):
	var value = obj.imaginary(1, 2)
	print("after missing call ", value)

func call_by_name(obj, name):
	return obj.call(name)

func _init():
	var t = Thing.new()
	print(t.real())
	call_missing(t)
	print("continued")
	print(call_by_name(t, "real"))
	print(call_by_name(t, "nothing_here"))
	print(t.has_method("real"), " ", t.has_method("imaginary"))
	print("end")
	quit()
