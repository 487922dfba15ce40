extends SceneTree

func wants_int(x: int):
	return x + 1

func assign_typed(value):
	var n: int = 0
	n = value
	print("assigned ", n)
	return n

func call_dynamically(arg):
	return call("wants_int", arg)

func _init():
	print(wants_int(1))
	print(call_dynamically("text"))
	print("after bad call")
	print(assign_typed(3.7))
	print(assign_typed("str"))
	print("end")
	quit()
