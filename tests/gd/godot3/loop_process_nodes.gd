extends SceneTree

class Ticker extends Node:
	var ticks = 0
	var label
	func _init(l):
		label = l
	func _enter_tree():
		print(label, " enter tree")
	func _ready():
		print(label, " ready")
	func _process(_delta):
		ticks += 1
		if ticks <= 2:
			print(label, " process ", ticks)
		if ticks == 4 and label == "parent":
			print("done")
			get_tree().quit()
	func _exit_tree():
		print(label, " exit tree")

func _init():
	var parent = Ticker.new("parent")
	var child = Ticker.new("child")
	parent.add_child(child)
	root.add_child(parent)
	print("added")
