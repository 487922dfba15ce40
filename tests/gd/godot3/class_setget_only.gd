extends SceneTree

class Temperature:
	var celsius = 0.0 setget set_celsius
	var fahrenheit setget , get_fahrenheit
	var read_only = "fixed" setget deny

	func set_celsius(c):
		celsius = c

	func get_fahrenheit():
		return celsius * 9.0 / 5.0 + 32.0

	func deny(_value):
		print("refused")

func _init():
	var t = Temperature.new()
	t.celsius = 100
	print(t.celsius, " ", t.fahrenheit)
	t.read_only = "new"
	print(t.read_only)
	t.fahrenheit = 5
	print(t.fahrenheit, " ", t.celsius)
	quit()
