extends SceneTree

var counter = 0
var items = []

func increment():
	counter += 1
	self.counter += 1
	return counter

func _init():
	print(increment(), " ", increment())
	items.append("x")
	self.items.append("y")
	print(items, " ", self.items.size())
	print(get("counter"), " ", self.get("items"))
	set("counter", 100)
	print(counter)
	print(has_method("increment"), " ", call("increment"))
	print(get_script() != null)
	quit()
