extends SceneTree

class Widget extends Node:
	export var speed = 5
	export(int, 0, 10) var level = 3
	export(String) var title = "untitled"
	onready var ready_value = compute()
	var plain = "plain"

	func compute():
		print("onready computed, speed=", speed)
		return speed * 2

	func _ready():
		print("ready: ", ready_value)

func _init():
	var w = Widget.new()
	print(w.speed, " ", w.level, " ", w.title, " ", w.ready_value)
	w.speed = 7
	root.add_child(w)
	print("after add: ", w.ready_value)
	var exported = []
	for p in w.get_property_list():
		if p.usage & PROPERTY_USAGE_SCRIPT_VARIABLE:
			exported.append("%s:%d" % [p.name, p.usage & PROPERTY_USAGE_EDITOR])
	print(exported)
	w.queue_free()
	quit()
