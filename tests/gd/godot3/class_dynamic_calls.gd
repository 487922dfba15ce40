extends SceneTree

class Calc:
	var value = 10
	func add(a, b):
		return a + b
	func greet(name = "you"):
		return "hi " + name

func _init():
	var c = Calc.new()
	print(c.call("add", 2, 3))
	print(c.callv("add", [4, 5]))
	print(c.call("greet"), " ", c.call("greet", "me"))
	print(c.has_method("add"), " ", c.has_method("sub"), " ", c.has_method("get"))
	print(c.get("value"), " ", c.get("nothing"))
	c.set("value", 20)
	print(c.value)
	print(c.has_method("free"), " ", c.get_class(), " ", c.is_class("Reference"))
	var names = []
	for m in c.get_method_list():
		if m.name in ["add", "greet"]:
			names.append("%s/%d" % [m.name, m.args.size()])
	print(names)
	var props = []
	for p in c.get_property_list():
		if p.name == "value":
			props.append(p.name)
	print(props)
	quit()
