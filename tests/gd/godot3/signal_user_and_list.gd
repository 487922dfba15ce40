extends SceneTree

class Box:
	signal opened(by)
	signal closed

func on_opened(by):
	print("opened by ", by)

func on_custom(a, b):
	print("custom ", a, " ", b)

func _init():
	var box = Box.new()
	var names = []
	for s in box.get_signal_list():
		if s.name in ["opened", "closed"]:
			names.append("%s/%d" % [s.name, s.args.size()])
	print(names)
	box.connect("opened", self, "on_opened")
	print(box.get_signal_connection_list("opened").size())
	box.emit_signal("opened", "me")
	box.add_user_signal("custom", [{"name": "a"}, {"name": "b"}])
	print(box.has_user_signal("custom"))
	box.connect("custom", self, "on_custom")
	box.emit_signal("custom", 1, 2)
	quit()
