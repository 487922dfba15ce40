extends SceneTree

class Tracked extends Node:
	func _init(n):
		name = n
	func _enter_tree():
		print("enter ", name)
	func _ready():
		print("ready ", name, " path ", get_path())
	func _exit_tree():
		print("exit ", name)

func build():
	var a = Tracked.new("A")
	var b = Tracked.new("B")
	var c = Tracked.new("C")
	a.add_child(b)
	a.add_child(c)
	b.add_child(Tracked.new("D"))
	root.add_child(a)
	print(a.get_child_count(), " ", a.get_node("B/D").name, " ", root.get_node("A/C").name)
	print(a.get_children().size(), " ", b.get_parent().name, " ", a.is_inside_tree())
	a.queue_free()

func _init():
	build()
	yield(self, "idle_frame")
	yield(self, "idle_frame")
	print("end")
	quit()
