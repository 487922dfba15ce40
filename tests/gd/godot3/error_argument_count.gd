extends SceneTree

class Target:
	func two(a, b):
		return a + b
	func with_default(a, b = 10):
		return a + b

func call_two(obj, args):
	var r = obj.callv("two", args)
	print("callv gave ", r)
	return r

func direct_too_many(obj):
	return obj.with_default(1, 2, 3)

func call_two_with_call(obj):
	return obj.call("two", 3)

func _init():
	var t = Target.new()
	print(call_two(t, [1, 2]))
	print(call_two(t, [1]))
	print(call_two(t, [1, 2, 3]))
	print(t.with_default(5))
	print(direct_too_many(t))
	print(call_two_with_call(t))
	print("end")
	quit()
