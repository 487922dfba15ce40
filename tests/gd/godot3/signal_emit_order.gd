extends SceneTree

signal step

var order = []

class Handler:
	var tag
	var order
	func _init(t, o):
		tag = t
		order = o
	func handle():
		order.append(tag)

func _init():
	var handlers = []
	for tag in ["first", "second", "third"]:
		var h = Handler.new(tag, order)
		handlers.append(h)
		connect("step", h, "handle")
	emit_signal("step")
	disconnect("step", handlers[1], "handle")
	emit_signal("step")
	print(order)
	print(get_signal_connection_list("step").size())
	quit()
