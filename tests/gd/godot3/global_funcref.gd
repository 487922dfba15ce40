extends SceneTree

class Ops:
	func double(x):
		return x * 2
	func join(a, b, c):
		return "%s-%s-%s" % [a, b, c]

func local_square(x):
	return x * x

func _init():
	var ops = Ops.new()
	var f = funcref(ops, "double")
	print(f.call_func(21))
	print(f.call_funcv([4]))
	print(f.is_valid())
	var g = funcref(ops, "join")
	print(g.call_func(1, 2, 3))
	var sq = funcref(self, "local_square")
	var mapped = []
	for v in [1, 2, 3]:
		mapped.append(sq.call_func(v))
	print(mapped)
	var missing = funcref(ops, "nothing")
	print(missing.is_valid())
	var empty = FuncRef.new()
	print(empty.is_valid())
	quit()
