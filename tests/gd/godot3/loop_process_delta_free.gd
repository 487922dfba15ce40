extends SceneTree

class Mover extends Node2D:
	var steps = 0
	func _ready():
		set_process(true)
		print("ready, processing: ", is_processing())
	func _process(_delta):
		steps += 1
		position.x += 10
		if steps == 3:
			print("position after 3 frames: ", position)
			set_process(false)
			queue_free()
	func _exit_tree():
		print("mover leaving tree after ", steps, " steps")

func _init():
	var m = Mover.new()
	m.connect("tree_exited", self, "on_tree_exited")
	root.add_child(m)

func on_tree_exited():
	print("tree_exited signal")
	quit()
