extends SceneTree

func first_match(v):
	var out = []
	match v:
		1:
			out.append("one")
			continue
		1, 2:
			out.append("one or two")
			continue
		_:
			out.append("wildcard")
	return out

func _init():
	print(first_match(1))
	print(first_match(2))
	print(first_match(3))
	var s = "abc"
	match typeof(s):
		TYPE_INT:
			print("int")
		TYPE_STRING:
			print("string of ", s.length())
	var five = 5
	match five:
		5.0:
			print("5 matches 5.0")
		_:
			print("5 does not match 5.0")
	quit()
