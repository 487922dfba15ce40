extends Reference

var name = "animal"
var legs = 4

func _init(given_name = "animal"):
	name = given_name

func speak():
	return "..."

func describe():
	return "%s with %d legs says %s" % [name, legs, speak()]
