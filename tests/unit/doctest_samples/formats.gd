extends Node


func _ready():
	print(len("four"))  # Prints 4
