extends Node

func _ready():
	print("whole file")
