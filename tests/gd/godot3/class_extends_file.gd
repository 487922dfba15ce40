extends SceneTree

class Dog extends "res://animal_base.helper.gd":
	func _init().("dog"):
		pass

	func speak():
		return "woof"

class Bird extends "res://animal_base.helper.gd":
	func _init(n).(n):
		legs = 2

	func describe():
		return "bird: " + .describe()

func _init():
	var base_script = load("res://animal_base.helper.gd")
	print(base_script.new().describe())
	print(base_script.new("cat").describe())
	print(Dog.new().describe())
	print(Bird.new("tweety").describe())
	var some_bird = Bird.new("b")
	print(Dog.new() is base_script, " ", some_bird is base_script)
	quit()
